package org.opencti.desktop.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencti.core.customer.Actor;
import org.opencti.core.customer.AuditEntry;
import org.opencti.core.customer.Customer;
import org.opencti.core.customer.CustomerSearch;
import org.opencti.desktop.TestDesktop;

/**
 * The customer import over real HTTP on the in-memory store (the same rows against PostgreSQL: cti-server's
 * CustomerImportPostgresTest): admins only, each row's outcome, duplicates of earlier rows and of stored customers,
 * whole-file refusals.
 */
class CustomerImportRoutesTest {
    private Vertx vertx;
    private TestDesktop desktop;
    private WebClient web;
    private String admin;
    private Customer existing;

    @BeforeEach
    void start() throws Exception {
        vertx = Vertx.vertx();
        desktop = new TestDesktop(vertx, 4096);
        web = WebClient.create(vertx);
        admin = desktop.login("4001");
        existing = desktop.customers().create(new Customer(0, null, "Eve", "Existing", null, null, List.of("+12025550199"),
            new Customer.Contact("eve@example.com", null, null, null), null, null), new Actor("seed", Instant.now()));
    }

    @AfterEach
    void stop() throws Exception {
        desktop.close();
    }

    private HttpResponse<Buffer> post(String token, String type, String body) throws Exception {
        var request = web.post(desktop.port(), "127.0.0.1", CustomerImportRoutes.PATH);
        if (token != null) {
            request.putHeader("Authorization", "Bearer " + token);
        }
        if (type != null) {
            request.putHeader("Content-Type", type);
        }
        return request.sendBuffer(Buffer.buffer(body)).toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    private static JsonObject row(HttpResponse<Buffer> r, int i) {
        return r.bodyAsJsonObject().getJsonArray("results").getJsonObject(i);
    }

    @Test
    void adminsOnly() throws Exception {
        String csv = "firstName,lastName\r\nAnn,Lee\r\n";
        assertThat(post(null, "text/csv", csv).statusCode()).isEqualTo(401);
        assertThat(post(desktop.login("2001"), "text/csv", csv).statusCode()).isEqualTo(403);
        assertThat(post(desktop.login("3001"), "text/csv", csv).statusCode()).isEqualTo(403);
        assertThat(desktop.customers().search(new CustomerSearch("Lee", null), 10, 0)).isEmpty();
    }

    @Test
    void goodRowsAreStoredAndAuditedBadAndDuplicateRowsReportedEachByLine() throws Exception {
        String csv = """
            firstName,lastName,phoneNumbers,email,tier,accountNumber\r
            Ann,Lee,(202) 555-0101;+1 202 555 0102,ann@example.com,gold,AC-100\r
            Bob,Stone,not a number,bob@example.com,,\r
            ,Nameless,+12025550103,,,\r
            Cara,"Doe, Jr.",+12025550104,cara@,,\r
            Dan,Twin,202-555-0102,,,\r
            Erin,Other,+12025550105,EVE@example.com,,\r
            Finn,Again,+12025550199,,,\r
            Gus,Fine,+12025550106,gus@example.com,silver,\r
            """;

        HttpResponse<Buffer> r = post(admin, "text/csv; charset=utf-8", csv);

        assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(200);
        assertThat(r.bodyAsJsonObject().getMap()).containsEntry("rows", 8).containsEntry("created", 2)
            .containsEntry("invalid", 3).containsEntry("duplicates", 3);
        assertThat(row(r, 0).getMap()).containsEntry("line", 2).containsEntry("status", "created");
        assertThat(row(r, 1).getMap()).containsEntry("status", "invalid").containsEntry("field", "phoneNumbers[0]");
        assertThat(row(r, 2).getMap()).containsEntry("status", "invalid").containsEntry("field", "firstName")
            .containsEntry("reason", "required");
        assertThat(row(r, 3).getMap()).containsEntry("line", 5).containsEntry("field", "email");
        // the same number as line 2 in another format
        assertThat(row(r, 4).getMap()).containsEntry("status", "duplicate").containsEntry("field", "phoneNumbers")
            .containsEntry("duplicateOfLine", 2);
        // an existing customer's e-mail in another case, and an existing customer's number
        assertThat(row(r, 5).getMap()).containsEntry("status", "duplicate").containsEntry("field", "email")
            .containsEntry("existingCustomerId", (int) existing.id());
        assertThat(row(r, 6).getMap()).containsEntry("status", "duplicate").containsEntry("existingCustomerId", (int) existing.id());
        assertThat(row(r, 7).getMap()).containsEntry("line", 9).containsEntry("status", "created");

        long annId = row(r, 0).getLong("customerId");
        Customer ann = desktop.customers().findById(annId, 0).orElseThrow().customer();
        assertThat(ann.phoneNumbers()).containsExactly("+12025550101", "+12025550102");
        assertThat(ann.tier()).isEqualTo("gold");
        assertThat(ann.accountNumber()).isEqualTo("AC-100");
        assertThat(desktop.customers().audit(annId, 10, 0)).singleElement()
            .extracting(AuditEntry::action, AuditEntry::by).containsExactly(AuditEntry.Action.CREATED, "4001");
        assertThat(desktop.customers().search(new CustomerSearch("Stone", null), 10, 0)).isEmpty();
    }

    @Test
    void jsonLinesWithAnUnreadableLineAndAnUnknownField() throws Exception {
        String lines = "{\"firstName\": \"Hal\", \"lastName\": \"Json\", \"phoneNumbers\": [\"+12025550107\"]}\n"
            + "\n"
            + "{not json\n"
            + "{\"firstName\": \"Ivy\", \"lastName\": \"Json\", \"shoeSize\": 38}\n";

        HttpResponse<Buffer> r = post(admin, "application/x-ndjson", lines);

        assertThat(r.statusCode()).isEqualTo(200);
        JsonArray results = r.bodyAsJsonObject().getJsonArray("results");
        assertThat(results).hasSize(3);
        assertThat(row(r, 0).getMap()).containsEntry("line", 1).containsEntry("status", "created");
        assertThat(row(r, 1).getMap()).containsEntry("line", 3).containsEntry("field", "$").containsEntry("reason", "not a JSON object");
        assertThat(row(r, 2).getMap()).containsEntry("line", 4).containsEntry("field", "shoeSize");
    }

    @Test
    void aWrongHeaderTypeOrSizeRefusesTheWholeFile() throws Exception {
        HttpResponse<Buffer> unknown = post(admin, "text/csv", "firstName,lastName,shoe\r\nAnn,Lee,38\r\n");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.bodyAsJsonObject().getString("field")).isEqualTo("header");
        assertThat(unknown.bodyAsJsonObject().getString("error")).contains("\"shoe\" is not a customer field");
        assertThat(post(admin, "text/csv", "firstName,phoneNumbers\r\nAnn,+12025550108\r\n").bodyAsJsonObject()
            .getString("error")).contains("must name firstName and lastName");
        assertThat(post(admin, "application/json", "[]").statusCode()).isEqualTo(415);

        StringBuilder many = new StringBuilder("firstName,lastName\r\n");
        for (int i = 0; i <= CustomerImport.MAX_ROWS; i++) {
            many.append("A,B").append(i).append("\r\n");
        }
        HttpResponse<Buffer> tooMany = post(admin, "text/csv", many.toString());
        assertThat(tooMany.statusCode()).isEqualTo(413);
        assertThat(tooMany.bodyAsJsonObject().getString("error")).contains("at most 10000 customers");
        assertThat(post(admin, "text/csv", "firstName,lastName\r\n" + "x".repeat(CustomerImportRoutes.MAX_BODY_BYTES)).statusCode())
            .isEqualTo(413);
        assertThat(desktop.customers().search(new CustomerSearch("B1", null), 10, 0)).as("nothing stored").isEmpty();
    }
}
