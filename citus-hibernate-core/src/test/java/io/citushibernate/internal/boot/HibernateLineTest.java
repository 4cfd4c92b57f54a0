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
    // The test runs on the Hibernate the build compiled against, in every profile.
    assertThat(HibernateLine.compiledAgainst()).isEqualTo(Version.getVersionString());
    assertThatCode(HibernateLine::check).doesNotThrowAnyException();
  }

  @Test
  void minorVersionsOfOneLineAreAccepted() {
    assertThatCode(() -> HibernateLine.check("7.4.13.Final", "7.2.19.Final")).doesNotThrowAnyException();
    assertThatCode(() -> HibernateLine.check("6.6.53.Final", "6.6.33.Final")).doesNotThrowAnyException();
  }

  @Test
  void anotherMajorLineFailsTheBootNamingBoth() {
    assertThatThrownBy(() -> HibernateLine.check("7.4.13.Final", "6.6.33.Final"))
        .isInstanceOf(CitusHibernateException.class)
        .hasMessageContaining("built for Hibernate ORM 7.4.13.Final")
        .hasMessageContaining("Hibernate ORM 6.6.33.Final is running")
        .hasMessageContaining("-Phibernate6");
    assertThatThrownBy(() -> HibernateLine.check("6.6.53.Final", "7.4.13.Final"))
        .isInstanceOf(CitusHibernateException.class)
        .hasMessageContaining("Hibernate 7.x");
  }
}
