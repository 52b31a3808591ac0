/**
 * Spaces: the communities a thread lives in ({@link io.socialearn.api.space.Space}), who may read
 * them ({@link io.socialearn.api.space.SpaceVisibility}) and members' roles ({@link
 * io.socialearn.api.space.SpaceRole}).
 */
package io.socialearn.api.space;
