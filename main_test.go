package main

import (
	"io"
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
		{"defaults", nil, nil, config{addr: ":8080"}, ""},
		{"PORT, as container platforms set it", nil, map[string]string{"PORT": "9000"}, config{addr: ":9000"}, ""},
		{"-addr wins over PORT", []string{"-addr", "127.0.0.1:7000"}, map[string]string{"PORT": "9000"}, config{addr: "127.0.0.1:7000"}, ""},
		{"content folder", []string{"-content", "site"}, nil, config{addr: ":8080", contentDir: "site"}, ""},
		{"preview serves ./content", []string{"-dev"}, nil, config{addr: ":8080", contentDir: "content", dev: true}, ""},
		{"check", []string{"check", "-content", "x"}, nil, config{addr: ":8080", contentDir: "x", check: true}, ""},
		{"environment", nil, map[string]string{"BASE_URL": "https://s.example", "EDIT_URL": "https://e.example/"}, config{addr: ":8080", baseURL: "https://s.example", editURL: "https://e.example/"}, ""},
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
