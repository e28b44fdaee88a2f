package dev.nasrank.harness.supernet;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;

/**
 * Base of the supernet's composite blocks. Every leaf declares its parameter shapes at
 * construction, so children initialise without shape inference: each child receives the parent's
 * input shapes unchanged.
 */
abstract class CompositeBlock extends AbstractBlock {

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
    for (Block child : getChildren().values()) {
      child.initialize(manager, dataType, inputShapes);
    }
  }
}
