package io.citushibernate.spring.boot.schemaapp;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

/** Spring Data on a per-tenant table. */
public interface NoteRepository extends JpaRepository<Note, Long> {
  List<Note> findAllByOrderByIdAsc();
}
