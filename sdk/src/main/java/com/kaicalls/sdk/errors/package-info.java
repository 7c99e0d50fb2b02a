/**
 * The exceptions the SDK throws. {@link com.kaicalls.sdk.errors.KaiCallsException} is the unchecked
 * root; {@link com.kaicalls.sdk.errors.ApiException} and its per-status subclasses report error
 * responses; {@link com.kaicalls.sdk.errors.KaiCallsIoException} reports transport failures.
 */
package com.kaicalls.sdk.errors;
