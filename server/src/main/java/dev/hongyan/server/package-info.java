/** Hongyan server. */
package dev.hongyan.server;
