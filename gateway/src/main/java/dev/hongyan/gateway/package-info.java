/** Hongyan gateway. */
package dev.hongyan.gateway;
