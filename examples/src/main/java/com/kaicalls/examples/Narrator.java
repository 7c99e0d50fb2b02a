package com.kaicalls.examples;

import com.google.errorprone.annotations.FormatMethod;
import com.google.errorprone.annotations.FormatString;
import java.io.PrintStream;

/** Prints an example's steps in plain words: numbered headings, indented details. */
final class Narrator {

  private final PrintStream out;
  private int step;

  Narrator(PrintStream out) {
    this.out = out;
  }

  void title(String title) {
    out.println();
    out.println(title);
    out.println("=".repeat(title.length()));
  }

  void step(String heading) {
    out.println();
    out.println(++step + ". " + heading);
  }

  @FormatMethod
  void say(@FormatString String format, Object... args) {
    out.println("   " + (args.length == 0 ? format : String.format(format, args)));
  }

  void blank() {
    out.println();
  }

  void end(String text) {
    out.println();
    out.println(text);
  }
}
