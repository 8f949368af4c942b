package io.fieldsales.platform.events;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PartitionProgressTest {

    @Test
    void commitsOnePastTheLastRecordWithEverythingBeforeItDone() {
        PartitionProgress progress = new PartitionProgress();
        assertThat(progress.toCommit()).as("nothing received").isEqualTo(-1);
        progress.received(10);
        progress.received(11);
        progress.received(12);
        assertThat(progress.toCommit()).as("nothing done yet").isEqualTo(-1);
        progress.acknowledged(11);
        assertThat(progress.toCommit()).as("10 still pending holds the commit before it").isEqualTo(-1);
        progress.acknowledged(10);
        assertThat(progress.toCommit()).isEqualTo(12);
        assertThat(progress.pending()).isEqualTo(1);
        progress.acknowledged(12);
        assertThat(progress.toCommit()).isEqualTo(13);
        assertThat(progress.pending()).isZero();
    }

    @Test
    void aRecordNeverAcknowledgedHoldsTheCommitForever() {
        PartitionProgress progress = new PartitionProgress();
        for (long offset = 0; offset < 5; offset++) {
            progress.received(offset);
        }
        progress.acknowledged(0);
        progress.acknowledged(1);
        // 2 was left for the next start (the service stopped): 3 and 4 done after it change nothing
        progress.acknowledged(3);
        progress.acknowledged(4);
        assertThat(progress.toCommit()).isEqualTo(2);
        assertThat(progress.pending()).isEqualTo(3);
    }

    @Test
    void aBatchIsReceivedAndAcknowledgedThroughItsLastRecord() {
        PartitionProgress progress = new PartitionProgress();
        progress.received(499);
        assertThat(progress.toCommit()).isEqualTo(-1);
        progress.acknowledged(499);
        assertThat(progress.toCommit()).isEqualTo(500);
    }

    @Test
    void whatWasCommittedIsNotCommittedAgain() {
        PartitionProgress progress = new PartitionProgress();
        progress.received(7);
        progress.acknowledged(7);
        assertThat(progress.toCommit()).isEqualTo(8);
        progress.committed(8);
        assertThat(progress.toCommit()).as("nothing new").isEqualTo(-1);
        progress.received(8);
        progress.acknowledged(8);
        assertThat(progress.toCommit()).isEqualTo(9);
    }

    @Test
    void redeliveriesOfDoneRecordsAreIgnored() {
        PartitionProgress progress = new PartitionProgress();
        progress.received(3);
        progress.acknowledged(3);
        progress.received(3);
        progress.acknowledged(3);
        assertThat(progress.pending()).as("a redelivery of a done record").isZero();
        assertThat(progress.toCommit()).isEqualTo(4);
    }

    @Test
    void afterARebalanceTheRecordsHandedOutBeforeItStillCountWhenTheirReReadCopiesArrive() {
        PartitionProgress progress = new PartitionProgress();
        for (long offset = 0; offset < 10; offset++) {
            progress.received(offset);
        }
        progress.acknowledged(0);
        progress.acknowledged(1);
        // rebalance: the partition comes back, the connector re-reads from 2; 2..9 handed out before still finish
        progress.acknowledged(2);
        progress.received(2);
        progress.acknowledged(3);
        assertThat(progress.toCommit()).isEqualTo(4);
        // an acknowledgement before its (re-read) record arrives here counts once it does
        progress.acknowledged(5);
        progress.acknowledged(4);
        assertThat(progress.toCommit()).isEqualTo(6);
        progress.received(4);
        progress.received(5);
        assertThat(progress.pending()).as("re-read copies of done records").isEqualTo(4);
        assertThat(progress.toCommit()).isEqualTo(6);
    }

    @Test
    void anAcknowledgementAheadOfTheReceivedRecordsWaitsForThem() {
        PartitionProgress progress = new PartitionProgress();
        progress.acknowledged(1);
        assertThat(progress.toCommit()).as("0 not received, let alone done").isEqualTo(-1);
        progress.received(0);
        progress.received(1);
        assertThat(progress.toCommit()).isEqualTo(-1);
        progress.acknowledged(0);
        assertThat(progress.toCommit()).isEqualTo(2);
        assertThat(progress.toString()).contains("done through 1", "0 acknowledged out of order");
    }
}
