package com.kaicalls.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.kaicalls.mock.ClockMode;
import com.kaicalls.mock.KaiCallsMockServer;
import com.kaicalls.mock.junit.KaiCallsMockTest;
import com.kaicalls.sdk.models.BackfillStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@KaiCallsMockTest(clock = ClockMode.MANUAL)
class CatchUpTest {

  @Test
  void backfillsTheFailedDeliveriesAndTheCheckpointFindsNothingTwice(
      KaiCallsMockServer mock, @TempDir Path dir) throws Exception {
    Output out = new Output();
    Path checkpoint = dir.resolve("checkpoint.txt");
    CatchUp.Result result;
    try (Connection connection = Connection.to(mock)) {
      result = new CatchUp(connection.client(), connection.clock(), out.stream).run(checkpoint);
    }

    assertThat(result.failedDeliveries()).isGreaterThan(0);
    assertThat(result.backfill().status()).isEqualTo(BackfillStatus.COMPLETED);
    assertThat(result.backfill().delivered()).isEqualTo(result.failedDeliveries());
    assertThat(result.handledByBackfill()).isEqualTo(result.failedDeliveries());
    assertThat(result.readFromStore()).isEqualTo(result.failedDeliveries());
    assertThat(result.newFromStore()).isZero();
    assertThat(result.secondPass()).isZero();
    assertThat(Files.readString(checkpoint)).matches("\\S+ evt_\\w+\\n");
    assertThat(out.text())
        .contains(
            "failed deliveries",
            "Backfill completed",
            "none handled twice",
            "Reading again from the new checkpoint: 0 events.");
  }
}
