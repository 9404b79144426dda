using System;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace StaticKeras.Tests.Data;

/// <summary>An HTTP handler serving fixed bytes per URL (404 for others), so downloads are tested without a network.</summary>
internal sealed class LocalFileHandler : HttpMessageHandler
{
    private readonly Dictionary<Uri, byte[]> files = [];

    public List<Uri> Requests { get; } = [];

    /// <summary>Bytes after which a response body fails, as a dropped connection does; null to send whole bodies.</summary>
    public int? FailAfter { get; init; }

    public LocalFileHandler Serve(Uri url, byte[] contents)
    {
        files[url] = contents;
        return this;
    }

    protected override HttpResponseMessage Send(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Requests.Add(request.RequestUri!);
        if (!files.TryGetValue(request.RequestUri!, out var contents))
            return new HttpResponseMessage(HttpStatusCode.NotFound) { RequestMessage = request };
        Stream body = FailAfter is int limit ? new FailingStream(contents, limit) : new MemoryStream(contents);
        return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StreamContent(body), RequestMessage = request };
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        Task.FromResult(Send(request, cancellationToken));

    private sealed class FailingStream(byte[] contents, int limit) : MemoryStream(contents)
    {
        public override int Read(byte[] buffer, int offset, int count) =>
            Position >= limit ? throw new IOException("connection reset by peer") : base.Read(buffer, offset, (int)Math.Min(count, limit - Position));

        public override int Read(Span<byte> buffer) =>
            Position >= limit ? throw new IOException("connection reset by peer") : base.Read(buffer[..(int)Math.Min(buffer.Length, limit - Position)]);
    }
}
