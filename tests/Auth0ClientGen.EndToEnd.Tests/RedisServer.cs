using System;
using System.Diagnostics;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading.Tasks;
using StackExchange.Redis;

namespace Auth0ClientGen.EndToEnd.Tests;

/// <summary>
/// A real redis-server started for the tests on a free loopback port, with no persistence, and killed when disposed.
/// Debian ships it as the package <c>redis-server</c>; without it, the tests that need it are skipped.
/// </summary>
public sealed class RedisServer : IAsyncDisposable
{
    /// <summary>The Debian package that provides redis-server.</summary>
    public const string DebianPackage = "redis-server";

    /// <summary>Why the Redis tests are skipped when redis-server is not installed.</summary>
    public const string SkipReason = "redis-server is not on PATH: install the Debian package " + DebianPackage
        + " (apt-get install -y " + DebianPackage + ") to run the distributed token cache tests.";

    private readonly Process _process;
    private readonly string _directory;

    private RedisServer(Process process, int port, string directory)
    {
        _process = process;
        Port = port;
        _directory = directory;
    }

    /// <summary>The full path of redis-server, or null when it is not on PATH.</summary>
    public static string? Executable { get; } = FindExecutable();

    public int Port { get; }

    /// <summary>Starts a server and waits until it answers PING.</summary>
    public static async Task<RedisServer> StartAsync()
    {
        var executable = Executable ?? throw new InvalidOperationException(SkipReason);
        var port = FindFreePort();
        var directory = Directory.CreateTempSubdirectory("auth0clientgen-redis-").FullName;
        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = directory,
        };
        foreach (var argument in new[]
        {
            "--port", port.ToString(), "--bind", "127.0.0.1", "--save", string.Empty, "--appendonly", "no",
            "--dir", directory, "--daemonize", "no", "--protected-mode", "yes",
        })
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("redis-server did not start.");
        process.OutputDataReceived += static (_, _) => { };
        process.ErrorDataReceived += static (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new RedisServer(process, port, directory);
        for (var attempt = 0; attempt < 200; attempt++)
        {
            if (process.HasExited)
            {
                break;
            }

            if (await server.PingAsync())
            {
                return server;
            }

            await Task.Delay(25);
        }

        await server.DisposeAsync();
        throw new InvalidOperationException($"redis-server on 127.0.0.1:{port} did not answer PING.");
    }

    /// <summary>
    /// Client options aimed at this server only, with short timeouts, and failing fast while disconnected rather
    /// than queueing commands: what the tests of an outage need.
    /// </summary>
    public ConfigurationOptions CreateOptions(bool allowAdmin = false)
    {
        var options = new ConfigurationOptions
        {
            AbortOnConnectFail = false,
            AllowAdmin = allowAdmin,

            // Generous, for a shared CI machine: an outage is still noticed at once (see BacklogPolicy).
            ConnectTimeout = 5000,
            SyncTimeout = 1000,
            AsyncTimeout = 1000,
            ConnectRetry = 1,
            BacklogPolicy = BacklogPolicy.FailFast,
        };
        options.EndPoints.Add(IPAddress.Loopback, Port);
        return options;
    }

    /// <summary>
    /// Connects to this server and waits, a bounded time, until the connection is up: with AbortOnConnectFail off,
    /// ConnectAsync can return before it is, and a command sent then fails at once on a busy machine.
    /// </summary>
    public async Task<ConnectionMultiplexer> ConnectAsync(bool allowAdmin = false)
    {
        var connection = await ConnectionMultiplexer.ConnectAsync(CreateOptions(allowAdmin));
        for (var attempt = 0; attempt < 400 && !connection.IsConnected; attempt++)
        {
            await Task.Delay(25);
        }

        return connection;
    }

    /// <summary>Stops the server at once, as a crash would.</summary>
    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }
    }

    public ValueTask DisposeAsync()
    {
        Kill();
        _process.Dispose();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
        }

        return ValueTask.CompletedTask;
    }

    private async Task<bool> PingAsync()
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(IPAddress.Loopback, Port);
            var stream = client.GetStream();
            await stream.WriteAsync("PING\r\n"u8.ToArray());
            var buffer = new byte[16];
            var read = await stream.ReadAsync(buffer).AsTask().WaitAsync(TimeSpan.FromSeconds(1));
            return Encoding.ASCII.GetString(buffer, 0, read).StartsWith("+PONG", StringComparison.Ordinal);
        }
        catch (Exception exception) when (exception is SocketException or IOException or TimeoutException)
        {
            return false;
        }
    }

    private static int FindFreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string? FindExecutable()
    {
        foreach (var directory in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator))
        {
            var candidate = Path.Combine(directory, "redis-server");
            if (directory.Length > 0 && File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}

/// <summary>A test that needs redis-server; reported as skipped, naming the package to install, when it is missing.</summary>
public sealed class RedisFactAttribute : FactAttribute
{
    public RedisFactAttribute()
    {
        if (RedisServer.Executable is null)
        {
            Skip = RedisServer.SkipReason;
        }
    }
}

/// <summary>One redis-server for a test class, when redis-server is installed.</summary>
public sealed class RedisFixture : IAsyncLifetime
{
    public RedisServer? Server { get; private set; }

    public async Task InitializeAsync()
    {
        if (RedisServer.Executable is not null)
        {
            Server = await RedisServer.StartAsync();
        }
    }

    public async Task DisposeAsync()
    {
        if (Server is not null)
        {
            await Server.DisposeAsync();
        }
    }
}
