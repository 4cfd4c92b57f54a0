package io.citushibernate.spring.dao;

import static org.assertj.core.api.Assertions.assertThat;

import io.citushibernate.MissingTenantException;
import io.citushibernate.TenantMismatchException;
import io.citushibernate.UnscopableStatementException;
import jakarta.persistence.PersistenceException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.InvalidDataAccessApiUsageException;
import org.springframework.dao.InvalidDataAccessResourceUsageException;
import org.springframework.dao.PermissionDeniedDataAccessException;

class CitusExceptionTranslatorTest {
  private final CitusExceptionTranslator translator = new CitusExceptionTranslator();

  @Test
  void libraryExceptionsBecomeSpecificDataAccessExceptionsWhereverTheyAreInTheChain() {
    MissingTenantException missing = new MissingTenantException("no tenant");
    assertThat(translator.translateExceptionIfPossible(new PersistenceException("wrapped", missing)))
        .isInstanceOf(InvalidDataAccessApiUsageException.class).hasMessage("no tenant").hasRootCause(missing);
    assertThat(translator.translateExceptionIfPossible(new TenantMismatchException("other tenant")))
        .isInstanceOf(PermissionDeniedDataAccessException.class);
    assertThat(translator.translateExceptionIfPossible(new UnscopableStatementException("cannot scope")))
        .isInstanceOf(InvalidDataAccessResourceUsageException.class);
  }

  @Test
  void otherExceptionsAreLeftToTheProvider() {
    assertThat(translator.translateExceptionIfPossible(new PersistenceException("not ours"))).isNull();
    assertThat(translator.translateExceptionIfPossible(new IllegalStateException())).isNull();
  }
}
