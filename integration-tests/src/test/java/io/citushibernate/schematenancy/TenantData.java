package io.citushibernate.schematenancy;

import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Root;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.Session;
import org.hibernate.SessionFactory;

/**
 * The rows of one tenant, with the same ids in every tenant and values that name the tenant, and
 * the answers a tenant's application would read and write: the same calls run through the library
 * in schema mode and through plain Hibernate on a database holding that tenant's rows alone.
 */
final class TenantData {
  private TenantData() {
  }

  /** The shared plans, stored once. */
  static void persistPlans(SessionFactory sessionFactory) {
    sessionFactory.inTransaction(s -> {
      s.persist(new Plan(1L, "free"));
      s.persist(new Plan(2L, "pro"));
    });
  }

  /** Tenant {@code t}'s rows: boards 1 and 2, and t + 1 cards on board 1 and two on board 2. */
  static void persistTenant(SessionFactory sessionFactory, long t) {
    sessionFactory.inTransaction(s -> {
      Board first = new Board(1L, t, "t" + t + "-board-1", s.getReference(Plan.class, t % 2 == 0 ? 2L : 1L));
      Board second = new Board(2L, t, "t" + t + "-board-2", s.getReference(Plan.class, 1L));
      s.persist(first);
      s.persist(second);
      for (int i = 1; i <= t + 1; i++) {
        s.persist(new Card(first, "t" + t + "-card-" + i, i));
      }
      s.persist(new Card(second, "t" + t + "-card-x", 2));
      s.persist(new Card(second, "t" + t + "-card-y", (int) (t * 10)));
    });
  }

  /** What the tenant reads, in text. */
  static List<String> reads(SessionFactory sessionFactory) {
    List<String> out = new ArrayList<>();
    sessionFactory.inTransaction(s -> reads(s, out));
    return out;
  }

  private static void reads(Session s, List<String> out) {
    Board board = s.find(Board.class, 1L);
    out.add("find " + board.getTitle() + " on " + board.getPlan().getName() + " of tenant " + board.getTenantId());
    out.add("lazy " + board.getCards().stream().map(c -> c.getText() + ":" + c.getPoints()).toList());
    out.add("jpql " + s.createQuery("select c.text from Card c where c.points > :min order by c.id", String.class)
        .setParameter("min", 1).getResultList());
    out.add("join " + s.createQuery("select b.title, p.name from Board b join b.plan p order by b.id", Object[].class)
        .getResultList().stream().map(r -> r[0] + "/" + r[1]).toList());
    CriteriaBuilder cb = s.getCriteriaBuilder();
    CriteriaQuery<Long> count = cb.createQuery(Long.class);
    Root<Card> card = count.from(Card.class);
    count.select(cb.count(card)).where(cb.equal(card.get("board").get("id"), 2L));
    out.add("criteria " + s.createQuery(count).getSingleResult());
    out.add("native " + s.createNativeQuery("select b.title, count(c.id), sum(c.points) from boards b "
            + "left join cards c on c.board_id = b.id group by b.title order by b.title", Object[].class)
        .getResultList().stream().map(r -> r[0] + "=" + r[1] + "/" + r[2]).toList());
  }

  /** What the tenant writes, then reads back. */
  static List<String> writes(SessionFactory sessionFactory) {
    List<String> out = new ArrayList<>();
    sessionFactory.inTransaction(s -> {
      out.add("updated " + s.createMutationQuery("update Card c set c.points = c.points + 100 where c.board.id = 1")
          .executeUpdate());
      out.add("deleted " + s.createMutationQuery("delete from Card c where c.points = 2").executeUpdate());
      Board second = s.find(Board.class, 2L);
      second.setTitle(second.getTitle() + "!");
      s.persist(new Card(second, "added", 7));
    });
    sessionFactory.inTransaction(s -> reads(s, out));
    return out;
  }
}
