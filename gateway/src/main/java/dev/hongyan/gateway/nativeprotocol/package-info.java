/**
 * The native protocol (spec 001) on {@code /websocket.signal}: the envelope
 * {@code {code,message,header:{v,id,signal},body}}, one {@link
 * dev.hongyan.gateway.nativeprotocol.SignalHandler} per signal in the subpackages named after the
 * signal groups, and the dispatcher that parses, authenticates, validates and routes.
 */
package dev.hongyan.gateway.nativeprotocol;
