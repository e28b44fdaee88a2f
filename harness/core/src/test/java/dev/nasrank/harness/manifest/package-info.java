/** Tests of run manifests read typed and of locating the checkout. */
package dev.nasrank.harness.manifest;
