/** Hongyan core. */
package dev.hongyan.core;
