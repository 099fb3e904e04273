package dev.posrecon.core.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.posrecon.core.cases.Evidence;
import dev.posrecon.core.contact.ContactAdvice;
import dev.posrecon.core.error.StoreException;

import java.util.List;

/** Evidence and contact advice as JSON text in the ledger (Jackson; records map by their components). */
final class Json {
    static final ObjectMapper MAPPER = new ObjectMapper().disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);
    private static final TypeReference<List<Evidence>> EVIDENCE = new TypeReference<>() {
    };

    private Json() {
    }

    static String write(Object o) {
        try {
            return MAPPER.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new StoreException("cannot write JSON for the ledger: " + e.getOriginalMessage(), e);
        }
    }

    static List<Evidence> evidence(String json) {
        try {
            return MAPPER.readValue(json, EVIDENCE);
        } catch (JsonProcessingException e) {
            throw new StoreException("the ledger holds unreadable evidence JSON: " + e.getOriginalMessage(), e);
        }
    }

    static ContactAdvice contact(String json) {
        try {
            return MAPPER.readValue(json, ContactAdvice.class);
        } catch (JsonProcessingException e) {
            throw new StoreException("the ledger holds unreadable contact JSON: " + e.getOriginalMessage(), e);
        }
    }
}
