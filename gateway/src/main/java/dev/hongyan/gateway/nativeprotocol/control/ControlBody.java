package dev.hongyan.gateway.nativeprotocol.control;

/** A control request's body: every one names the terminal it is for. */
interface ControlBody {

    String to();
}
