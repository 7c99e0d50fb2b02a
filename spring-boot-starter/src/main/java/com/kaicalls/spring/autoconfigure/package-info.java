/**
 * The starter's auto-configurations; listed in {@code
 * META-INF/spring/...AutoConfiguration.imports}.
 */
package com.kaicalls.spring.autoconfigure;
