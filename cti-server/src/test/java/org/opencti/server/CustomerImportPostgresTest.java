package org.opencti.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

/**
 * The customer import against PostgreSQL through a whole node (the sample customers seeded): good rows stored with their
 * audit entry, bad rows named by field, duplicates of an earlier row and of a stored customer refused, found by search.
 */
class CustomerImportPostgresTest {
    @Test
    void goodBadAndDuplicateRowsOfACrmExport() throws Exception {
        try (TestNode node = new TestNode(); DesktopClient admin = new DesktopClient(node.httpPort());
             DesktopClient agent = new DesktopClient(node.httpPort())) {
            admin.login("9001", "demo");
            agent.login("2001", "demo");
            String csv = "firstName,lastName,phoneNumbers,email,accountNumber\r\n"
                + "Nora,Import,(202) 555-0171,nora@example.com,CRM-1\r\n"
                + "Omar,Import,+12025550172,omar@@example.com,\r\n"
                + "Pia,Import,+1 202 555 0171,,\r\n"
                + "Quinn,Import,+12025550173,ALICE.MORENO@example.com,\r\n"
                + "Rosa,Import,+12025550143,,\r\n"
                + "Sam,Import,+12025550174,,CRM-1\r\n"
                + "\"Tess, Jr.\",Import,+12025550175,tess@example.com,CRM-2\r\n";

            assertThat(agent.postCsv("/api/v1/customers/import", csv).status()).isEqualTo(403);
            DesktopClient.Reply r = admin.postCsv("/api/v1/customers/import", csv);

            assertThat(r.status()).as(r.toString()).isEqualTo(200);
            assertThat(r.body().getMap()).containsEntry("rows", 7).containsEntry("created", 2).containsEntry("invalid", 2)
                .containsEntry("duplicates", 3);
            JsonArray results = r.body().getJsonArray("results");
            assertThat(status(results, 0)).isEqualTo("created");
            assertThat(status(results, 1)).isEqualTo("invalid email");
            assertThat(status(results, 2)).isEqualTo("duplicate phoneNumbers");
            assertThat(results.getJsonObject(2).getInteger("duplicateOfLine")).isEqualTo(2);
            assertThat(status(results, 3)).as("Alice's e-mail in another case").isEqualTo("duplicate email");
            assertThat(status(results, 4)).as("Alice's number").isEqualTo("duplicate phoneNumbers");
            assertThat(status(results, 5)).as("another customer's account number").isEqualTo("invalid accountNumber");
            assertThat(status(results, 6)).isEqualTo("created");

            long nora = results.getJsonObject(0).getLong("customerId");
            assertThat(node.count("select count(*) from customers where last_name = 'Import'")).isEqualTo(2);
            assertThat(node.count("select count(*) from customer_audit where customer_id = " + nora
                + " and action = 'created' and done_by = '9001'")).isEqualTo(1);
            assertThat(node.count("select count(*) from customer_phones where e164 = '+12025550171'")).isEqualTo(1);
            JsonObject found = agent.get("/api/v1/customers?q=Tess").body().getJsonArray("customers").getJsonObject(0);
            assertThat(found.getString("firstName")).isEqualTo("Tess, Jr.");
        }
    }

    private static String status(JsonArray results, int i) {
        JsonObject row = results.getJsonObject(i);
        return row.getString("status") + (row.getString("status").equals("created") ? "" : " " + row.getString("field"));
    }
}
