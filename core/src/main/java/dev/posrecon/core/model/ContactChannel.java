package dev.posrecon.core.model;

/** Ways to reach a customer (or the acquirer, for cases with no customer). */
public enum ContactChannel {
    PHONE, SMS, EMAIL, APP, NONE
}
