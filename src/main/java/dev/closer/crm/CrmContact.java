package dev.closer.crm;

/** A person at an account; {@code role} is the buying role when the CRM knows it. */
public record CrmContact(String id, String name, String title, String role, String accountId) {
}
