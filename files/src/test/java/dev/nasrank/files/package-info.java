/** Tests of the atomic writer: a kill mid-write never leaves a half-written file in place. */
package dev.nasrank.files;
