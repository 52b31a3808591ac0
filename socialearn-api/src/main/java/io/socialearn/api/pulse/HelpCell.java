package io.socialearn.api.pulse;

/**
 * One cell of the help matrix: answers given in the period by people of one org unit to
 * questions asked by people of another (or the same) unit. Immutable.
 *
 * @param askingUnit the askers' unit ({@link HelpMatrix#OTHER} for small units folded together,
 *     {@link HelpMatrix#UNASSIGNED} for people without one)
 * @param answeringUnit the answerers' unit, named the same way
 * @param answers answers given
 * @param answerers distinct people who gave them
 */
public record HelpCell(String askingUnit, String answeringUnit, int answers, int answerers) {}
