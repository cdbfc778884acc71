/**
 * Which device (CPU or a GPU) the model runs on: what a configuration asks for ({@code auto}, {@code cpu}, {@code
 * gpu:N}) and the one choice made from it at start-up, against the GPUs PyTorch sees.
 */
package io.streamtune.model.device;
