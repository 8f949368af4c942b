package io.fieldsales.customer.service;

import java.util.List;

/** What a repair fixed and what it left for a person, with the reason. */
public record RepairReport(List<Action> repaired, List<Action> unresolved, ConsistencyReport after) {

    /** One finding and what happened to it. */
    public record Action(String finding, Object subject, String outcome) {
    }
}
