/**
 * The ERM_bit model (DESIGN §3): architectures, activations, parameter domains, losses, data,
 * instances and parameter vectors. Immutable values; validated on construction.
 */
package org.ermbit.core.model;
