/** The forwarding benchmark: one producer to N consumers through the real ICE/DTLS/SRTP path. */
package dev.hongyan.bench.forwarding;
