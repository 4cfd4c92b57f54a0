package io.citushibernate.liquibase;

import java.util.List;

import io.citushibernate.citus.ShardTransferMode;

import liquibase.change.ChangeMetaData;
import liquibase.change.DatabaseChange;
import liquibase.change.DatabaseChangeProperty;
import liquibase.database.Database;
import liquibase.exception.ValidationErrors;
import liquibase.statement.SqlStatement;

/**
 * {@code <citus:moveSchema>}: moves a distributed (tenant) schema, every table of it, to another worker with
 * {@code citus_schema_move}; nothing when it is there already. Transfer modes auto and force_logical need
 * {@code runInTransaction="false"}. No automatic rollback: the source node is only known at run time.
 */
@DatabaseChange(name = "moveSchema", description = "Moves a distributed schema to another worker node",
        priority = ChangeMetaData.PRIORITY_DEFAULT, appliesTo = "schema")
public class MoveSchemaChange extends CitusChange {

    private String schemaName;
    private String targetHost;
    private Integer targetPort;
    private String shardTransferMode;

    @DatabaseChangeProperty(description = "Distributed schema to move", requiredForDatabase = "postgresql",
            supportsDatabase = "postgresql")
    public String getSchemaName() {
        return schemaName;
    }

    public void setSchemaName(String schemaName) {
        this.schemaName = schemaName;
    }

    @DatabaseChangeProperty(description = "Host name of the target worker as in pg_dist_node",
            requiredForDatabase = "postgresql", supportsDatabase = "postgresql")
    public String getTargetHost() {
        return targetHost;
    }

    public void setTargetHost(String targetHost) {
        this.targetHost = targetHost;
    }

    @DatabaseChangeProperty(description = "Port of the target worker (default 5432)", requiredForDatabase = "none",
            supportsDatabase = "postgresql")
    public Integer getTargetPort() {
        return targetPort;
    }

    public void setTargetPort(Integer targetPort) {
        this.targetPort = targetPort;
    }

    @DatabaseChangeProperty(description = "auto (default), force_logical or block_writes",
            requiredForDatabase = "none", supportsDatabase = "postgresql")
    public String getShardTransferMode() {
        return shardTransferMode;
    }

    public void setShardTransferMode(String shardTransferMode) {
        this.shardTransferMode = shardTransferMode;
    }

    private int port() {
        return Citus.targetPort(targetPort);
    }

    @Override
    boolean needsCitus() {
        return true;
    }

    @Override
    void checkAttributes(ValidationErrors errors) {
        errors.checkRequiredField("schemaName", schemaName);
        errors.checkRequiredField("targetHost", targetHost);
        Citus.checkTargetPort(port(), errors);
        Citus.checkTransferMode(shardTransferMode, errors);
    }

    @Override
    String needsNoTransaction() {
        ShardTransferMode mode = ShardTransferMode.parse(shardTransferMode);
        return mode != null && mode.needsNoTransaction()
                ? "with shardTransferMode " + mode.sql() + " moves the schema by logical replication" : null;
    }

    @Override
    void checkCatalog(Catalog catalog, List<String> problems) {
        if (!catalog.schemaExists(schemaName)) {
            problems.add("moveSchema: schema " + schemaName + " does not exist; fix schemaName or create and"
                    + " distribute the schema in an earlier changeset");
        }
        catalog.checkTargetNode("moveSchema", targetHost, port(), problems);
    }

    @Override
    SqlStatement[] statements(Database database) {
        return new SqlStatement[] {
            new MoveSchemaStatement(schemaName, targetHost, port(), ShardTransferMode.parse(shardTransferMode))
        };
    }

    @Override
    String noRollbackReason() {
        return "the node the schema came from is only known at run time; move it back with another moveSchema";
    }

    @Override
    public String getConfirmationMessage() {
        return "Schema " + schemaName + " moved to " + targetHost + ":" + port();
    }
}
