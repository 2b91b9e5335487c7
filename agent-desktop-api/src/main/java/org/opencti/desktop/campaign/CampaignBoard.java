package org.opencti.desktop.campaign;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Predicate;
import org.opencti.desktop.auth.User;

/**
 * The running campaigns' figures, each with who may see it: a supervisor the campaigns their team works (as the campaign
 * API decides who oversees a campaign), an admin all. Read once and filtered per viewer, so the wallboard's one read a
 * second serves every supervisor.
 */
public interface CampaignBoard {
    /** One campaign's figures and the test of who may see them. */
    record Seen(CampaignFigures figures, Predicate<User> seenBy) { }

    CompletionStage<List<Seen>> figures();

    /** The figures {@code viewer} may see, in the board's order. */
    static List<CampaignFigures> visibleTo(List<Seen> board, User viewer) {
        return board.stream().filter(s -> s.seenBy().test(viewer)).map(Seen::figures).toList();
    }

    /** No campaigns. */
    CampaignBoard NONE = () -> CompletableFuture.completedFuture(List.of());
}
