package io.citushibernate.matrix;

import io.citushibernate.annotation.TenantKey;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinColumns;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.hibernate.Session;

/**
 * Composite identifiers, {@code @IdClass} and {@code @EmbeddedId}, with the tenant column in the
 * id and without it, each with lines referencing the subject ({@code @ManyToOne} to a composite
 * key, and its {@code mappedBy} side). With the tenant in the id, the id names the tenant, so a
 * subject of any tenant carries its own tenant key: {@code build} ignores {@code account} there.
 */
final class CompositeIdShapes {
  private CompositeIdShapes() {
  }

  /** What the four variants share: header rows, and lines 1-3 on headers 1 and 3. */
  abstract static class CompositeShape extends Shape {
    CompositeShape(String name, Class<?> header, String table, Class<?> line) {
      super(name, header, "title", "select h.number, h.title, count(l.id) from " + table + "_headers h left join "
          + table + "_lines l on l.header_number = h.number group by h.number, h.title order by h.number",
          header, line);
    }

    @Override
    void seed(Session s, long t) {
      for (long n : seeded(t)) {
        s.persist(build(s::getReference, n, t, value("header", n, t), t));
      }
      s.flush();
      for (long l = 1; l <= 3; l++) {
        s.persist(line(s, l, l + t == 3 ? 3L : EXISTING, t));
      }
    }

    /** Line {@code id} of tenant {@code t} on header {@code header}. */
    abstract Object line(Session s, long id, long header, long t);
  }

  /** {@code @IdClass(account_id, number)}: the tenant column is part of the id. */
  static final class IdClassWithTenant extends CompositeShape {
    IdClassWithTenant() {
      super("idClassWithTenant", TenantIdClassHeader.class, "tic", TenantIdClassLine.class);
    }

    @Override
    Object build(Refs refs, long n, Long account, String text, long tenant) {
      TenantIdClassHeader h = new TenantIdClassHeader();
      h.accountId = tenant;
      h.number = n;
      h.title = text;
      return h;
    }

    @Override
    Object line(Session s, long id, long header, long t) {
      TenantIdClassLine l = new TenantIdClassLine();
      l.id = id;
      l.accountId = t;
      l.headerNumber = header;
      l.text = value("line", id, t);
      return l;
    }

    @Override
    Object id(long n, long tenant) {
      return new TenantNumber(tenant, n);
    }

    @Override
    Map<String, Object> idAttributes(long n, long tenant) {
      return Map.of("accountId", tenant, "number", n);
    }
  }

  /** {@code @EmbeddedId(account_id, number)}: the tenant column is part of the id. */
  static final class EmbeddedIdWithTenant extends CompositeShape {
    EmbeddedIdWithTenant() {
      super("embeddedIdWithTenant", TenantEmbeddedHeader.class, "tei", TenantEmbeddedLine.class);
    }

    @Override
    Object build(Refs refs, long n, Long account, String text, long tenant) {
      TenantEmbeddedHeader h = new TenantEmbeddedHeader();
      h.id = new TenantNumberKey(tenant, n);
      h.title = text;
      return h;
    }

    @Override
    Object line(Session s, long id, long header, long t) {
      TenantEmbeddedLine l = new TenantEmbeddedLine();
      l.id = id;
      l.accountId = t;
      l.headerNumber = header;
      l.text = value("line", id, t);
      return l;
    }

    @Override
    Object id(long n, long tenant) {
      return new TenantNumberKey(tenant, n);
    }

    @Override
    Map<String, Object> idAttributes(long n, long tenant) {
      return Map.of("id.accountId", tenant, "id.number", n);
    }
  }

  /** {@code @IdClass(code, number)} without the tenant column; the tenant key is a separate attribute. */
  static final class IdClassWithoutTenant extends CompositeShape {
    IdClassWithoutTenant() {
      super("idClass", CodeIdClassHeader.class, "cic", CodeIdClassLine.class);
    }

    @Override
    Object build(Refs refs, long n, Long account, String text, long tenant) {
      CodeIdClassHeader h = new CodeIdClassHeader();
      h.code = "H";
      h.number = n;
      h.accountId = account;
      h.title = text;
      return h;
    }

    @Override
    Object line(Session s, long id, long header, long t) {
      CodeIdClassLine l = new CodeIdClassLine();
      l.id = id;
      l.accountId = t;
      l.header = s.getReference(CodeIdClassHeader.class, id(header, t));
      l.text = value("line", id, t);
      return l;
    }

    @Override
    Object id(long n, long tenant) {
      return new CodeNumber("H", n);
    }

    @Override
    Map<String, Object> idAttributes(long n, long tenant) {
      return Map.of("code", "H", "number", n);
    }
  }

  /** {@code @EmbeddedId(code, number)} without the tenant column; the tenant key is a separate attribute. */
  static final class EmbeddedIdWithoutTenant extends CompositeShape {
    EmbeddedIdWithoutTenant() {
      super("embeddedId", CodeEmbeddedHeader.class, "cei", CodeEmbeddedLine.class);
    }

    @Override
    Object build(Refs refs, long n, Long account, String text, long tenant) {
      CodeEmbeddedHeader h = new CodeEmbeddedHeader();
      h.id = new CodeNumberKey("H", n);
      h.accountId = account;
      h.title = text;
      return h;
    }

    @Override
    Object line(Session s, long id, long header, long t) {
      CodeEmbeddedLine l = new CodeEmbeddedLine();
      l.id = id;
      l.accountId = t;
      l.header = s.getReference(CodeEmbeddedHeader.class, id(header, t));
      l.text = value("line", id, t);
      return l;
    }

    @Override
    Object id(long n, long tenant) {
      return new CodeNumberKey("H", n);
    }

    @Override
    Map<String, Object> idAttributes(long n, long tenant) {
      return Map.of("id.code", "H", "id.number", n);
    }
  }

  /** The id class of {@link TenantIdClassHeader}. */
  static class TenantNumber implements Serializable {
    Long accountId;
    Long number;

    protected TenantNumber() {
    }

    TenantNumber(long accountId, long number) {
      this.accountId = accountId;
      this.number = number;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof TenantNumber k && Objects.equals(accountId, k.accountId) && Objects.equals(number, k.number);
    }

    @Override
    public int hashCode() {
      return Objects.hash(accountId, number);
    }
  }

  @Entity(name = "TenantIdClassHeader")
  @Table(name = "tic_headers")
  @IdClass(TenantNumber.class)
  static class TenantIdClassHeader {
    @Id
    @TenantKey
    @Column(name = "account_id", nullable = false, updatable = false)
    Long accountId;
    @Id
    Long number;
    String title;
    @OneToMany(mappedBy = "header", cascade = CascadeType.ALL, orphanRemoval = true)
    List<TenantIdClassLine> lines = new ArrayList<>();
  }

  @Entity(name = "TenantIdClassLine")
  @Table(name = "tic_lines")
  static class TenantIdClassLine {
    @Id
    Long id;
    @TenantKey
    @Column(name = "account_id", nullable = false, updatable = false)
    Long accountId;
    @Column(name = "header_number")
    Long headerNumber;
    String text;
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumns({
        @JoinColumn(name = "account_id", referencedColumnName = "account_id", insertable = false, updatable = false),
        @JoinColumn(name = "header_number", referencedColumnName = "number", insertable = false, updatable = false)})
    TenantIdClassHeader header;
  }

  /** The embedded id of {@link TenantEmbeddedHeader}, tenant key included. */
  @Embeddable
  static class TenantNumberKey implements Serializable {
    @TenantKey
    @Column(name = "account_id", nullable = false, updatable = false)
    Long accountId;
    Long number;

    protected TenantNumberKey() {
    }

    TenantNumberKey(long accountId, long number) {
      this.accountId = accountId;
      this.number = number;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof TenantNumberKey k && Objects.equals(accountId, k.accountId)
          && Objects.equals(number, k.number);
    }

    @Override
    public int hashCode() {
      return Objects.hash(accountId, number);
    }
  }

  @Entity(name = "TenantEmbeddedHeader")
  @Table(name = "tei_headers")
  static class TenantEmbeddedHeader {
    @EmbeddedId
    TenantNumberKey id;
    String title;
    @OneToMany(mappedBy = "header", cascade = CascadeType.ALL, orphanRemoval = true)
    List<TenantEmbeddedLine> lines = new ArrayList<>();
  }

  @Entity(name = "TenantEmbeddedLine")
  @Table(name = "tei_lines")
  static class TenantEmbeddedLine {
    @Id
    Long id;
    @TenantKey
    @Column(name = "account_id", nullable = false, updatable = false)
    Long accountId;
    @Column(name = "header_number")
    Long headerNumber;
    String text;
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumns({
        @JoinColumn(name = "account_id", referencedColumnName = "account_id", insertable = false, updatable = false),
        @JoinColumn(name = "header_number", referencedColumnName = "number", insertable = false, updatable = false)})
    TenantEmbeddedHeader header;
  }

  /** The id class of {@link CodeIdClassHeader}. */
  static class CodeNumber implements Serializable {
    String code;
    Long number;

    protected CodeNumber() {
    }

    CodeNumber(String code, long number) {
      this.code = code;
      this.number = number;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof CodeNumber k && Objects.equals(code, k.code) && Objects.equals(number, k.number);
    }

    @Override
    public int hashCode() {
      return Objects.hash(code, number);
    }
  }

  @Entity(name = "CodeIdClassHeader")
  @Table(name = "cic_headers")
  @IdClass(CodeNumber.class)
  static class CodeIdClassHeader {
    @Id
    String code;
    @Id
    Long number;
    @TenantKey
    @Column(name = "account_id", nullable = false, updatable = false)
    Long accountId;
    String title;
    @OneToMany(mappedBy = "header", cascade = CascadeType.ALL, orphanRemoval = true)
    List<CodeIdClassLine> lines = new ArrayList<>();
  }

  @Entity(name = "CodeIdClassLine")
  @Table(name = "cic_lines")
  static class CodeIdClassLine {
    @Id
    Long id;
    @TenantKey
    @Column(name = "account_id", nullable = false, updatable = false)
    Long accountId;
    String text;
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumns({
        @JoinColumn(name = "header_code", referencedColumnName = "code"),
        @JoinColumn(name = "header_number", referencedColumnName = "number")})
    CodeIdClassHeader header;
  }

  /** The embedded id of {@link CodeEmbeddedHeader}. */
  @Embeddable
  static class CodeNumberKey implements Serializable {
    String code;
    Long number;

    protected CodeNumberKey() {
    }

    CodeNumberKey(String code, long number) {
      this.code = code;
      this.number = number;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof CodeNumberKey k && Objects.equals(code, k.code) && Objects.equals(number, k.number);
    }

    @Override
    public int hashCode() {
      return Objects.hash(code, number);
    }
  }

  @Entity(name = "CodeEmbeddedHeader")
  @Table(name = "cei_headers")
  static class CodeEmbeddedHeader {
    @EmbeddedId
    CodeNumberKey id;
    @TenantKey
    @Column(name = "account_id", nullable = false, updatable = false)
    Long accountId;
    String title;
    @OneToMany(mappedBy = "header", cascade = CascadeType.ALL, orphanRemoval = true)
    List<CodeEmbeddedLine> lines = new ArrayList<>();
  }

  @Entity(name = "CodeEmbeddedLine")
  @Table(name = "cei_lines")
  static class CodeEmbeddedLine {
    @Id
    Long id;
    @TenantKey
    @Column(name = "account_id", nullable = false, updatable = false)
    Long accountId;
    String text;
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumns({
        @JoinColumn(name = "header_code", referencedColumnName = "code"),
        @JoinColumn(name = "header_number", referencedColumnName = "number")})
    CodeEmbeddedHeader header;
  }
}
