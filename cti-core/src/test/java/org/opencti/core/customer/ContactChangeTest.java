package org.opencti.core.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ContactChangeTest {
    private static final PhoneNumbers US = new PhoneNumbers("US");

    private static Map<String, String> errorsOf(Map<String, Object> body) {
        try {
            ContactChange.from(body, US);
        } catch (InvalidFieldsException e) {
            return e.errors();
        }
        throw new AssertionError("accepted: " + body);
    }

    @Test
    void everyBadFieldIsNamedInOneAnswer() {
        Map<String, Object> body = new HashMap<>();
        body.put("firstName", " ");
        body.put("lastName", 42);
        body.put("email", "alice.example.com");
        body.put("phoneNumbers", List.of("+12025550143", "call me"));
        body.put("preferredChannel", "fax");
        body.put("preferredContactTime", "9-5");
        body.put("preferredLanguage", "English");
        body.put("salutation", "x".repeat(21));
        body.put("balance", 0);

        assertThat(errorsOf(body)).containsOnlyKeys("balance", "salutation", "firstName", "lastName", "phoneNumbers[1]",
            "email", "preferredLanguage", "preferredChannel", "preferredContactTime");
    }

    @Test
    void numbersInAnyFormatBecomeE164AndRepeatsCollapse() {
        ContactChange change = ContactChange.from(Map.of("phoneNumbers", List.of("(202) 555-0143", "+1 202 555 0143",
            "0044 20 7946 0958")), US);

        assertThat(change.phoneNumbers()).containsExactly("+12025550143", "+442079460958");
        assertThat(change.fields()).containsExactly("phoneNumbers");
    }

    @Test
    void nullClearsAnOptionalFieldButNotAName() {
        Map<String, Object> body = new HashMap<>();
        body.put("email", null);
        body.put("preferredChannel", null);
        ContactChange change = ContactChange.from(body, US);
        Customer alice = new Customer(1, "Ms", "Alice", "Moreno", null, null, List.of(),
            new Customer.Contact("a@example.com", "en", "sms", null), null, null);

        Customer changed = change.applyTo(alice);

        assertThat(changed.contact()).isEqualTo(new Customer.Contact(null, "en", null, null));
        assertThat(ContactChange.changed(alice, changed)).containsExactly("email", "preferredChannel");
        Map<String, Object> noName = new HashMap<>();
        noName.put("lastName", null);
        assertThat(errorsOf(noName)).containsEntry("lastName", "must be a string");
    }

    @Test
    void anEmptyChangeOrTooManyNumbersIsRefused() {
        assertThat(errorsOf(Map.of())).containsKey("$");
        String[] eleven = new String[11];
        Arrays.fill(eleven, "+12025550143");
        assertThat(errorsOf(Map.of("phoneNumbers", List.of(eleven)))).containsKey("phoneNumbers");
        assertThat(errorsOf(Map.of("phoneNumbers", "+12025550143"))).containsKey("phoneNumbers");
        assertThatThrownBy(() -> FreeText.check("text", "a\u0000b", 10)).hasMessageContaining("text");
    }
}
