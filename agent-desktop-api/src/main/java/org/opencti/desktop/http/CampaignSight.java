package org.opencti.desktop.http;

import io.vertx.core.Vertx;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.opencti.desktop.auth.Role;
import org.opencti.desktop.auth.User;
import org.opencti.desktop.campaign.CampaignBoard;
import org.opencti.desktop.campaign.CampaignDesk;
import org.opencti.desktop.campaign.CampaignFigures;

/**
 * The campaign desk's figures with who may see each: whoever oversees the campaign as the campaign API decides
 * ({@link CampaignStaff#oversees}: an admin, or the supervisor whose team is the campaign's whole workforce). A campaign
 * the store does not know, or any campaign when the campaign API is not set up, is for admins only. The store is read on
 * a worker.
 */
final class CampaignSight implements CampaignBoard {
    private static final Predicate<User> ADMINS = u -> u.role() == Role.ADMIN;

    private final Vertx vertx;
    private final Supplier<CampaignDesk> desk;
    private final Supplier<CampaignApi> api;

    CampaignSight(Vertx vertx, Supplier<CampaignDesk> desk, Supplier<CampaignApi> api) {
        this.vertx = vertx;
        this.desk = desk;
        this.api = api;
    }

    @Override
    public CompletionStage<List<Seen>> figures() {
        return desk.get().figures().thenCompose(list -> {
            CampaignApi using = api.get();
            if (list.isEmpty() || using == null) {
                return CompletableFuture.completedFuture(list.stream().map(f -> new Seen(f, ADMINS)).toList());
            }
            return vertx.<List<Seen>>executeBlocking(() -> list.stream().map(f -> new Seen(f, seer(using, f))).toList(), false)
                .toCompletionStage();
        });
    }

    private static Predicate<User> seer(CampaignApi api, CampaignFigures f) {
        return api.campaigns().find(f.campaignId())
            .<Predicate<User>>map(c -> u -> api.staff().oversees(u, c.assignment()))
            .orElse(ADMINS);
    }
}
