/**
 * Tests of the DJL batch sources: order, augmentation and a reference dataset they are checked
 * against.
 */
package dev.nasrank.datasets.djl;
