package io.citushibernate.internal.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.citushibernate.CitusHibernateException;
import org.hibernate.Version;
import org.junit.jupiter.api.Test;

class HibernateLineTest {
  @Test
  void theBuildRecordsTheHibernateItWasCompiledAgainst() {
    // Each artifact's tests run on the Hibernate its build compiled against (7.x or 6.6).
    assertThat(HibernateLine.compiledAgainst()).isEqualTo(Version.getVersionString());
    assertThatCode(HibernateLine::check).doesNotThrowAnyException();
  }

  @Test
  void minorVersionsOfTheSevenLineAreAccepted() {
    assertThatCode(() -> HibernateLine.check("7.4.13.Final", "7.2.19.Final")).doesNotThrowAnyException();
    assertThatCode(() -> HibernateLine.check("7.4.13.Final", "7.5.0.Final")).doesNotThrowAnyException();
  }

  @Test
  void patchVersionsOfSixSixAreAccepted() {
    assertThatCode(() -> HibernateLine.check("6.6.53.Final", "6.6.33.Final")).doesNotThrowAnyException();
  }

  @Test
  void theSevenJarOnSixSixNamesTheSixSixArtifact() {
    assertThatThrownBy(() -> HibernateLine.check("7.4.13.Final", "6.6.33.Final"))
        .isInstanceOf(CitusHibernateException.class)
        .hasMessageStartingWith("citus-hibernate-core was built for Hibernate 7.x (7.4.13.Final) but Hibernate ORM "
            + "6.6.33.Final is running: depend on io.citushibernate:citus-hibernate-core-hibernate-66 instead");
  }

  @Test
  void theSixSixJarOnSevenNamesTheSevenArtifact() {
    assertThatThrownBy(() -> HibernateLine.check("6.6.53.Final", "7.2.19.Final"))
        .isInstanceOf(CitusHibernateException.class)
        .hasMessageStartingWith("citus-hibernate-core-hibernate-66 was built for Hibernate 6.6 (6.6.53.Final) but "
            + "Hibernate ORM 7.2.19.Final is running: depend on io.citushibernate:citus-hibernate-core instead");
  }

  @Test
  void theSixSixJarRequiresSixSix() {
    assertThatThrownBy(() -> HibernateLine.check("6.6.53.Final", "6.5.3.Final"))
        .isInstanceOf(CitusHibernateException.class)
        .hasMessageContaining("Hibernate ORM 6.5.3.Final is running: no citus-hibernate artifact supports that line")
        .hasMessageContaining("Hibernate 7.x with io.citushibernate:citus-hibernate-core")
        .hasMessageContaining("Hibernate 6.6 with io.citushibernate:citus-hibernate-core-hibernate-66");
    assertThatThrownBy(() -> HibernateLine.check("7.4.13.Final", "6.4.10.Final"))
        .isInstanceOf(CitusHibernateException.class)
        .hasMessageContaining("no citus-hibernate artifact supports that line");
  }
}
