package dev.posrecon.core.cases;

/** How soon a human should look. */
public enum Severity {
    LOW, MEDIUM, HIGH
}
