package main

import (
	"io"
	"net"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestParseConfig(t *testing.T) {
	env := func(vars map[string]string) func(string) string {
		return func(k string) string { return vars[k] }
	}
	tests := []struct {
		name    string
		args    []string
		env     map[string]string
		want    config
		wantErr string
	}{
		{"defaults", nil, nil, config{addr: ":8080", apiRateLimit: 10, hsts: true}, ""},
		{"PORT, as container platforms set it", nil, map[string]string{"PORT": "9000"}, config{addr: ":9000", apiRateLimit: 10, hsts: true}, ""},
		{"-addr wins over PORT", []string{"-addr", "127.0.0.1:7000"}, map[string]string{"PORT": "9000"}, config{addr: "127.0.0.1:7000", apiRateLimit: 10, hsts: true}, ""},
		{"content folder", []string{"-content", "site"}, nil, config{addr: ":8080", contentDir: "site", apiRateLimit: 10, hsts: true}, ""},
		{"preview serves ./content", []string{"-dev"}, nil, config{addr: ":8080", contentDir: "content", dev: true, apiRateLimit: 10, hsts: true}, ""},
		{"check", []string{"check", "-content", "x"}, nil, config{addr: ":8080", contentDir: "x", check: true, apiRateLimit: 10, hsts: true}, ""},
		{"environment", nil, map[string]string{"BASE_URL": "https://s.example", "EDIT_URL": "https://e.example/"}, config{addr: ":8080", baseURL: "https://s.example", editURL: "https://e.example/", apiRateLimit: 10, hsts: true}, ""},
		{"rate limit from the environment", nil, map[string]string{"API_RATE_LIMIT": "0"}, config{addr: ":8080", hsts: true}, ""},
		{"rate limit flag wins", []string{"-api-rate-limit", "2.5"}, map[string]string{"API_RATE_LIMIT": "0"}, config{addr: ":8080", apiRateLimit: 2.5, hsts: true}, ""},
		{"bad rate limit", nil, map[string]string{"API_RATE_LIMIT": "lots"}, config{}, `API_RATE_LIMIT="lots"`},
		{"trusted proxies", []string{"-trusted-proxies", "10.0.0.0/8, 192.168.1.0/24"}, nil, config{addr: ":8080", apiRateLimit: 10, hsts: true, trustedProxies: []*net.IPNet{cidr("10.0.0.0/8"), cidr("192.168.1.0/24")}}, ""},
		{"bad proxy", []string{"-trusted-proxies", "10.0.0.1"}, nil, config{}, `trusted proxy "10.0.0.1"`},
		{"healthcheck", []string{"healthcheck"}, map[string]string{"PORT": "9000"}, config{addr: ":9000", healthcheck: true, apiRateLimit: 10, hsts: true}, ""},
		{"stray argument", []string{"serve"}, nil, config{}, `unexpected argument "serve"`},
		{"unknown flag", []string{"-port", "1"}, nil, config{}, "flag provided but not defined: -port"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := parseConfig(tt.args, env(tt.env), io.Discard)
			if tt.wantErr != "" {
				require.Error(t, err)
				assert.Contains(t, err.Error(), tt.wantErr)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.want, got)
		})
	}
}

func cidr(s string) *net.IPNet {
	_, n, err := net.ParseCIDR(s)
	if err != nil {
		panic(err)
	}
	return n
}
