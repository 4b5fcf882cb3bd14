/** The SFU media engine. Knows nothing of signaling. */
package dev.hongyan.media;
