package io.fieldsales.local;

/** A username and password (and the tenant they log in to, null for platform users). */
public record Credentials(String tenant, String username, String password) {

    @Override
    public String toString() {
        return "Credentials[" + tenant + "/" + username + "]";
    }
}
