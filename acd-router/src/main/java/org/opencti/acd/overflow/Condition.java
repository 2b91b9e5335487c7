package org.opencti.acd.overflow;

import java.time.Duration;
import java.util.Objects;

/**
 * When an overflow rule applies. Each condition says whether it is checked when a call arrives, while it waits,
 * or both: the queue's length only matters to a newcomer, the wait only to a call already waiting.
 */
public sealed interface Condition
    permits Condition.MaxWait, Condition.MaxQueueLength, Condition.NoAgentsLoggedIn, Condition.Closed {

    boolean checkedOnArrival();

    boolean checkedWhileWaiting();

    boolean holds(QueueSituation situation);

    /** The call has waited {@code limit} or longer. */
    record MaxWait(Duration limit) implements Condition {
        public MaxWait {
            Objects.requireNonNull(limit, "limit");
            if (limit.isNegative() || limit.isZero()) {
                throw new IllegalArgumentException("max wait must be positive, got " + limit);
            }
        }

        @Override
        public boolean checkedOnArrival() {
            return false;
        }

        @Override
        public boolean checkedWhileWaiting() {
            return true;
        }

        @Override
        public boolean holds(QueueSituation s) {
            return s.waited().compareTo(limit) >= 0;
        }
    }

    /** More than {@code max} calls would be waiting, counting the newcomer: MaxQueueLength(10) lets the tenth in. */
    record MaxQueueLength(int max) implements Condition {
        public MaxQueueLength {
            if (max < 0) {
                throw new IllegalArgumentException("max queue length must not be negative, got " + max);
            }
        }

        @Override
        public boolean checkedOnArrival() {
            return true;
        }

        @Override
        public boolean checkedWhileWaiting() {
            return false;
        }

        @Override
        public boolean holds(QueueSituation s) {
            return s.waitingInQueue() > max;
        }
    }

    /** Nobody is logged in to the queue; checked while waiting too, since agents may all log out. */
    record NoAgentsLoggedIn() implements Condition {
        @Override
        public boolean checkedOnArrival() {
            return true;
        }

        @Override
        public boolean checkedWhileWaiting() {
            return true;
        }

        @Override
        public boolean holds(QueueSituation s) {
            return s.loggedInAgents() == 0;
        }
    }

    /** The queue's calendar says closed; checked while waiting too, for calls still queued at closing time. */
    record Closed() implements Condition {
        @Override
        public boolean checkedOnArrival() {
            return true;
        }

        @Override
        public boolean checkedWhileWaiting() {
            return true;
        }

        @Override
        public boolean holds(QueueSituation s) {
            return !s.open();
        }
    }
}
