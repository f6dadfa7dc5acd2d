package dev.osprey.core.data;

/** The logical type of a column, as ML needs it (the physical DuckDB type is derived from it). */
public enum ColumnType {
    INTEGER("BIGINT"),
    DECIMAL("DOUBLE"),
    BOOLEAN("BOOLEAN"),
    CATEGORY("VARCHAR"),
    TEXT("VARCHAR"),
    DATE("DATE"),
    TIMESTAMP("TIMESTAMP");

    private final String sqlType;

    ColumnType(String sqlType) {
        this.sqlType = sqlType;
    }

    /** The DuckDB type a column of this type is read as. */
    public String sqlType() {
        return sqlType;
    }

    public boolean isNumeric() {
        return this == INTEGER || this == DECIMAL;
    }
}
