package io.citushibernate.examples.springboot;

import io.citushibernate.fixtures.adanalytics.Company;
import org.springframework.data.jpa.repository.JpaRepository;

/** The tenant entity: a company's own row, its id the tenant. */
public interface CompanyRepository extends JpaRepository<Company, Long> {
}
