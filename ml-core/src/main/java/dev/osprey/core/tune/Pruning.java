package dev.osprey.core.tune;

/**
 * Early stopping of trials by their intermediate metric. MEDIAN stops a trial whose best value so
 * far is worse than the median of the other trials at the same step. (HYPERBAND prunes by itself.)
 */
public enum Pruning {
    NONE, MEDIAN
}
