/**
 * Not API: implementation details shared by the engine's packages, which may change at any time.
 * Start from {@link io.socialearn.core.internal.CompactMap}.
 */
package io.socialearn.core.internal;
