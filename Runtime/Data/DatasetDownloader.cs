using System;
using System.Collections.Generic;
using System.IO;
using System.Net.Http;
using System.Security.Cryptography;
using System.Threading.Tasks;

namespace StaticKeras.Data;

/// <summary>
/// Downloads data set files and verifies their MD5 checksums. Each file is written to a temporary
/// file next to its destination and moved into place only once complete and verified, so an
/// interrupted or corrupted download never leaves a file that looks like the real one.
/// </summary>
internal sealed class DatasetDownloader(HttpMessageHandler handler, TextWriter log)
{
    private readonly HttpClient client = new(handler, disposeHandler: false) { Timeout = TimeSpan.FromMinutes(10) };

    /// <summary>A downloader over the network that reports progress on standard output, as Keras does.</summary>
    public static DatasetDownloader Default { get; } = new(new SocketsHttpHandler(), Console.Out);

    /// <summary>Downloads <paramref name="file"/> from the first mirror that serves it with the right checksum.</summary>
    /// <returns>The path of the verified file in <paramref name="directory"/>.</returns>
    public string Download(DatasetFile file, IReadOnlyList<Uri> mirrors, string directory)
    {
        Directory.CreateDirectory(directory);
        var destination = Path.Combine(directory, file.Name);
        var failures = new List<string>();
        foreach (var mirror in mirrors)
        {
            var url = new Uri(mirror, file.Name);
            log.WriteLine($"Downloading data from {url}");
            try
            {
                DownloadVerified(url, file.Md5, destination);
                return destination;
            }
            catch (Exception e) when (e is HttpRequestException or IOException or InvalidDataException or TaskCanceledException)
            {
                failures.Add($"{url}: {e.Message}");
            }
        }
        throw new IOException($"Could not download {file.Name}: " + string.Join("; ", failures));
    }

    private void DownloadVerified(Uri url, string md5, string destination)
    {
        var temporary = Path.Combine(Path.GetDirectoryName(destination)!, $".{Path.GetFileName(destination)}.{Guid.NewGuid():N}.part");
        try
        {
            using (var response = client.Send(new HttpRequestMessage(HttpMethod.Get, url), HttpCompletionOption.ResponseHeadersRead))
            {
                response.EnsureSuccessStatusCode();
                using var body = response.Content.ReadAsStream();
                using var output = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write);
                using var hash = IncrementalHash.CreateHash(HashAlgorithmName.MD5);
                var buffer = new byte[81920];
                int read;
                while ((read = body.Read(buffer)) > 0)
                {
                    hash.AppendData(buffer, 0, read);
                    output.Write(buffer, 0, read);
                }
                var actual = Convert.ToHexStringLower(hash.GetHashAndReset());
                if (actual != md5)
                    throw new InvalidDataException($"checksum mismatch: expected MD5 {md5}, got {actual} ({output.Length} bytes)");
                output.Flush(flushToDisk: true);
            }
            File.Move(temporary, destination, overwrite: true);
        }
        finally
        {
            if (File.Exists(temporary))
                File.Delete(temporary);
        }
    }
}
