/** Hongyan bench. */
package dev.hongyan.bench;
