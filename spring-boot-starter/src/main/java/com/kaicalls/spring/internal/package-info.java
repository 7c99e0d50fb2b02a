/**
 * The starter's machinery: the webhook endpoint, its verification and dispatch, the health
 * indicator and the conditions. Not API: it may change in any release.
 */
package com.kaicalls.spring.internal;
