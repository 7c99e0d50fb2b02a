package com.kaicalls.mock.internal.resources;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Generates the seed recordings: 8 kHz mono 16-bit PCM WAV with a proper RIFF header. */
public final class Wav {

  static final int SAMPLE_RATE = 8000;

  private Wav() {}

  /** A sine tone of {@code hz} lasting {@code millis}, at half amplitude. */
  public static byte[] tone(double hz, int millis) {
    int samples = SAMPLE_RATE * millis / 1000;
    int dataBytes = samples * 2;
    ByteBuffer b = ByteBuffer.allocate(44 + dataBytes).order(ByteOrder.LITTLE_ENDIAN);
    b.put("RIFF".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(36 + dataBytes);
    b.put("WAVE".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    b.put("fmt ".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(16);
    b.putShort((short) 1).putShort((short) 1).putInt(SAMPLE_RATE).putInt(SAMPLE_RATE * 2);
    b.putShort((short) 2).putShort((short) 16);
    b.put("data".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(dataBytes);
    for (int i = 0; i < samples; i++) {
      b.putShort((short) (Math.sin(2 * Math.PI * hz * i / SAMPLE_RATE) * Short.MAX_VALUE * 0.5));
    }
    return b.array();
  }
}
