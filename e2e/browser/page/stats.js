// Plain-JSON digests of RTCStatsReports: what the driver asserts on (decoded frames, sizes, packets)
// and what a failure needs to say where media stopped (ICE, DTLS, SRTP, RTP, decoder).

function codecOf(report, stat) {
  const codec = stat.codecId ? report.get(stat.codecId) : undefined;
  return codec ? { mimeType: codec.mimeType, payloadType: codec.payloadType, sdpFmtpLine: codec.sdpFmtpLine } : null;
}

/** inbound-rtp of one receiver (a mediasoup-client Consumer's getStats()). */
export function inbound(report) {
  for (const stat of report.values()) {
    if (stat.type !== 'inbound-rtp') continue;
    return {
      kind: stat.kind,
      ssrc: stat.ssrc,
      codec: codecOf(report, stat),
      packetsReceived: stat.packetsReceived ?? 0,
      packetsLost: stat.packetsLost ?? 0,
      bytesReceived: stat.bytesReceived ?? 0,
      framesReceived: stat.framesReceived ?? 0,
      framesDecoded: stat.framesDecoded ?? 0,
      keyFramesDecoded: stat.keyFramesDecoded ?? 0,
      framesDropped: stat.framesDropped ?? 0,
      frameWidth: stat.frameWidth ?? 0,
      frameHeight: stat.frameHeight ?? 0,
      framesPerSecond: stat.framesPerSecond ?? 0,
      decoderImplementation: stat.decoderImplementation,
      pliCount: stat.pliCount ?? 0,
      firCount: stat.firCount ?? 0,
      nackCount: stat.nackCount ?? 0,
      totalSamplesReceived: stat.totalSamplesReceived,
    };
  }
  return null;
}

/** outbound-rtp entries of one sender (one per simulcast encoding), plus the server's RTCP view of them. */
export function outbound(report) {
  const remote = new Map();
  for (const stat of report.values()) {
    if (stat.type === 'remote-inbound-rtp') remote.set(stat.localId, stat);
  }
  const streams = [];
  for (const stat of report.values()) {
    if (stat.type !== 'outbound-rtp') continue;
    const rr = remote.get(stat.id);
    streams.push({
      kind: stat.kind,
      rid: stat.rid,
      ssrc: stat.ssrc,
      codec: codecOf(report, stat),
      active: stat.active,
      packetsSent: stat.packetsSent ?? 0,
      bytesSent: stat.bytesSent ?? 0,
      framesEncoded: stat.framesEncoded,
      keyFramesEncoded: stat.keyFramesEncoded,
      frameWidth: stat.frameWidth,
      frameHeight: stat.frameHeight,
      qualityLimitationReason: stat.qualityLimitationReason,
      encoderImplementation: stat.encoderImplementation,
      targetBitrate: stat.targetBitrate,
      pliCount: stat.pliCount ?? 0,
      firCount: stat.firCount ?? 0,
      nackCount: stat.nackCount ?? 0,
      // Receiver reports from the SFU; absent means it sends none for this stream.
      remoteReport: rr ? { packetsLost: rr.packetsLost, fractionLost: rr.fractionLost, roundTripTime: rr.roundTripTime } : null,
    });
  }
  return streams.sort((a, b) => String(a.rid ?? '').localeCompare(String(b.rid ?? '')));
}

/** ICE/DTLS/SRTP state of a whole RTCPeerConnection (a mediasoup-client Transport's getStats()). */
export function transport(report) {
  const out = { transports: [], selectedPair: null, candidatePairs: [] };
  for (const stat of report.values()) {
    if (stat.type === 'transport') {
      out.transports.push({
        iceState: stat.iceState,
        dtlsState: stat.dtlsState,
        dtlsRole: stat.dtlsRole,
        srtpCipher: stat.srtpCipher,
        tlsVersion: stat.tlsVersion,
        packetsSent: stat.packetsSent,
        packetsReceived: stat.packetsReceived,
        bytesSent: stat.bytesSent,
        bytesReceived: stat.bytesReceived,
        selectedCandidatePairChanges: stat.selectedCandidatePairChanges,
      });
      const pair = stat.selectedCandidatePairId && report.get(stat.selectedCandidatePairId);
      if (pair) out.selectedPair = pairDigest(report, pair);
    } else if (stat.type === 'candidate-pair') {
      out.candidatePairs.push(pairDigest(report, stat));
    }
  }
  return out;
}

function pairDigest(report, pair) {
  const local = report.get(pair.localCandidateId);
  const remote = report.get(pair.remoteCandidateId);
  return {
    state: pair.state,
    nominated: pair.nominated,
    local: local && `${local.address}:${local.port}/${local.protocol} ${local.candidateType}`,
    remote: remote && `${remote.address}:${remote.port}/${remote.protocol} ${remote.candidateType}`,
    requestsSent: pair.requestsSent,
    responsesReceived: pair.responsesReceived,
    requestsReceived: pair.requestsReceived,
    packetsSent: pair.packetsSent,
    packetsReceived: pair.packetsReceived,
    // Chrome's send-side estimate: with transport-cc it rests on the SFU's feedback.
    availableOutgoingBitrate: pair.availableOutgoingBitrate,
    currentRoundTripTime: pair.currentRoundTripTime,
  };
}
