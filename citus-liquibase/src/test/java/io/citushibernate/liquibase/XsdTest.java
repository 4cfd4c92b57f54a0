package io.citushibernate.liquibase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.Collectors;

import liquibase.Scope;
import liquibase.change.Change;
import liquibase.changelog.ChangeLogParameters;
import liquibase.changelog.DatabaseChangeLog;
import liquibase.parser.ChangeLogParserFactory;
import liquibase.parser.core.xml.LiquibaseEntityResolver;
import liquibase.resource.ResourceAccessor;
import org.junit.jupiter.api.Test;
import org.xml.sax.InputSource;

/**
 * Liquibase's LiquibaseEntityResolver lower-cases the schema location, drops "http(s)://" and looks the rest up on the
 * classpath; with secure parsing (the default) it never goes to the network, so parsing proves the XSD came from the
 * jar, and a wrong attribute proves the XSD is applied.
 */
class XsdTest {

    private static DatabaseChangeLog parse(String path) throws Exception {
        ResourceAccessor resources = Lb.resources();
        DatabaseChangeLog[] result = new DatabaseChangeLog[1];
        Lb.inScope(() -> result[0] = ChangeLogParserFactory.getInstance().getParser(path, resources)
                .parse(path, new ChangeLogParameters(), resources));
        return result[0];
    }

    @Test
    void resolverFindsTheSchemaOnTheClasspath() throws Exception {
        InputSource[] source = new InputSource[1];
        Lb.inScope(() -> source[0] = new LiquibaseEntityResolver().resolveEntity(null, null, null,
                "http://citushibernate.io/xml/ns/citus/citus-liquibase.xsd"));
        assertThat(source[0]).isNotNull();
        assertThat(new String(source[0].getByteStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8))
                .contains("targetNamespace=\"http://citushibernate.io/xml/ns/citus\"");
    }

    @Test
    void xmlChangelogWithTheCitusNamespaceParsesOffline() throws Exception {
        DatabaseChangeLog changeLog = parse("changelogs/store-migration.xml");
        List<String> changes = changeLog.getChangeSets().stream().flatMap(cs -> cs.getChanges().stream())
                .map(Change::getClass).map(Class::getSimpleName).collect(Collectors.toList());
        assertThat(changes).containsExactly("AddTenantColumnChange", "AddTenantColumnChange",
                "AddTenantColumnToKeysChange", "AddTenantColumnToKeysChange", "AddTenantColumnToKeysChange",
                "AddTenantColumnToKeysChange", "CreateDistributedTableChange", "CreateDistributedTableChange",
                "CreateDistributedTableChange", "CreateDistributedTableChange", "CreateDistributedTableChange");
        assertThat(Scope.getCurrentScope().getSingleton(liquibase.change.ChangeFactory.class)
                .getDefinedChanges()).contains("createDistributedTable", "addTenantColumnToKeys", "moveTenantToNode");
    }

    @Test
    void theSchemaRejectsAnUnknownAttribute() {
        assertThatThrownBy(() -> parse("changelogs/validation/xsd-typo.xml"))
                .hasStackTraceContaining("distributionColum")
                .hasStackTraceContaining("createDistributedTable");
    }
}
