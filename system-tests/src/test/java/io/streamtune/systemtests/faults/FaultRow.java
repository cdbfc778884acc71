package io.streamtune.systemtests.faults;

/** One row of the faults table printed by the tests and kept in docs/reliability.md. */
record FaultRow(String scenario, int events, String faults, int lost, int duplicated, int deadLettered, String notes) {

    static final String HEADER = "| scenario | events | faults injected | lost | duplicated | dead-lettered | notes |\n"
            + "|---|---:|---|---:|---:|---:|---|";

    @Override
    public String toString() {
        return "| " + scenario + " | " + events + " | " + faults + " | " + lost + " | " + duplicated + " | "
                + deadLettered + " | " + notes + " |";
    }

    void print() {
        System.out.println("\n" + HEADER + "\n" + this + "\n");
    }
}
