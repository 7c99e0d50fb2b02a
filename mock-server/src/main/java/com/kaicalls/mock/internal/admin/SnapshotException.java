package com.kaicalls.mock.internal.admin;

/**
 * A snapshot that cannot be restored (another version, not JSON, a field that is missing or wrong):
 * the state was left unchanged. {@link #param()} names the field at fault as a JSON path.
 */
public final class SnapshotException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  private final String code;
  private final String param;

  public SnapshotException(String code, String message, String param) {
    super(message);
    this.code = code;
    this.param = param;
  }

  /** The error code of the admin route's envelope, e.g. {@code snapshot_version_unsupported}. */
  public String code() {
    return code;
  }

  /**
   * The field at fault ({@code version}, {@code workspaces[0].documents.agent[2].id}), or {@code
   * null}.
   */
  public String param() {
    return param;
  }
}
